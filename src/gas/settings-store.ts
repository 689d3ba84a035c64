/** Settings live in the document's properties: they belong to the spreadsheet, not to a user. */
import { validateSettings, type Settings } from '../core/base/settings';

const SETTINGS_KEY = 'uptake.settings';

export function loadSettings(): Settings {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return validateSettings({});
  try {
    return validateSettings(JSON.parse(raw));
  } catch {
    // Stored settings that no longer validate (an older version, a hand edit) fall back to defaults.
    return validateSettings({});
  }
}

/** Validates and stores; returns what was stored. Throws SettingsError naming the bad field. */
export function saveSettings(changes: Partial<Settings>): Settings {
  const settings = validateSettings({ ...loadSettings(), ...changes });
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
  return settings;
}
