// Members of Apps Script that @types/google-apps-script does not declare yet, merged into its
// namespace so that the code, and the in-memory Apps Script's `implements Pick<...>` lists, type
// them as Apps Script's own (test/apps-script/surface.test.ts reads them as such).
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      /**
       * Publishes the form, or stops it; publishing also makes it accept responses ("Class Form",
       * setPublished(enabled), https://developers.google.com/apps-script/reference/forms/form;
       * "Publish and manage responders on the form",
       * https://developers.google.com/workspace/forms/api/guides/publish-form).
       */
      setPublished(enabled: boolean): Form;
      /** Whether the form is published ("Class Form", isPublished()). */
      isPublished(): boolean;
    }
  }
  namespace Script {
    interface AuthorizationInfo {
      /**
       * The granted scopes among those asked about, as addresses; null when Apps Script does not
       * say ("Class AuthorizationInfo", getAuthorizedScopes(),
       * https://developers.google.com/apps-script/reference/script/authorization-info). Optional:
       * src/gas/permissions.ts still reads a runtime without it as "not said".
       */
      getAuthorizedScopes?(): string[] | null;
    }
  }
}
