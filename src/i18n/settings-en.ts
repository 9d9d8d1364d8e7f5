import { bandPath, type SettingsStrings } from './settings';

const EN_FIELDS: Readonly<Record<string, string>> = {
  '(root)': 'settings',
  'evaluation.weights.closed': 'weight of 结案率',
  'evaluation.weights.onTime': 'weight of 按期结案率',
  'evaluation.weights.rework': 'weight of (1 − 返工率)',
  'report.issuer': 'issuer',
  'report.recipients': 'recipients (主送)',
  'report.date': 'date',
};

export const settingsEnUS: SettingsStrings = {
  field: (path) => {
    const band = bandPath(path);
    if (band) return `grade ${Number(band[1]) + 1} ${band[2] === 'grade' ? 'name' : 'minimum'}`;
    return EN_FIELDS[path] ?? path;
  },
  option: (v) => v,
  problem(path, rule) {
    const field = settingsEnUS.field(path);
    switch (rule.kind) {
      case 'object':
        return `${field}: must be an object`;
      case 'unknownKey':
        return `${field}: not a known setting`;
      case 'notNull':
        return `${field}: may not be null (leave it out for the default)`;
      case 'text':
        return `${field}: must be text`;
      case 'nonEmpty':
        return `${field}: may not be empty`;
      case 'textOrNull':
        return `${field}: must be non-empty text or left out`;
      case 'fontList':
        return `${field}: name at least one font`;
      case 'fontName':
        return `${field}: name a font`;
      case 'integer':
        return `${field}: must be a whole number from ${rule.min} to ${rule.max}`;
      case 'oneOf':
        return `${field}: must be one of ${rule.options.join(', ')}`;
      case 'aliases':
        return `${field}: each entry must read “name=display name”`;
      case 'nameList':
        return `${field}: must be a list of unit names`;
      case 'weight':
        return `${field}: must be from 0 to 100% (0 to 1 in a settings file), at most 4 decimals`;
      case 'weightsSum':
        return `${field}: the three weights must add up to 100%`;
      case 'bandsList':
        return `${field}: list at least one grade`;
      case 'bandGrade':
        return `${field}: must be non-empty and unique`;
      case 'bandMin':
        return `${field}: must be from 0 to 100 with at most ${rule.decimals} decimals`;
      case 'bandsOrder':
        return `${field}: list grades best first, minimums decreasing`;
      case 'lastBandZero':
        return `${field}: the last grade must start at 0`;
      case 'schemeList':
        return `${field}: must list at least ${rule.min} entries`;
      case 'schemeDuplicate':
        return `${field}: “${rule.name}” is defined twice`;
      case 'schemeUnknown':
        return `${field}: “${rule.name}” is not a ${rule.what} defined earlier in the scheme`;
      case 'pattern':
        return `${field}: not a valid regular expression`;
      case 'schemeReserved':
        return `${field}: “${rule.name}” is a reserved name; choose another`;
      case 'schemeSum':
        return {
          shape: `${field}: must be a count ("结案数"), a sum of counts (["按时办结数", "超时办结数"]) or counts with coefficients ({"总立案数": 1, "超时数": -1})`,
          empty: `${field}: name at least one count`,
          coefficient: `${field}: a coefficient must be a whole number from -100 to 100 other than 0 (1 adds, -1 subtracts)`,
          noPositive: `${field}: at least one count needs a positive coefficient`,
        }[rule.problem];
      case 'termWeightsSum':
        return `${field}: the terms' weights must add up to 100% (1 in a settings file)`;
      case 'schemeOwnsFormulas':
        return `${field}: scheme “${rule.scheme}” carries its own formulas; evaluation settings apply to the default scheme only`;
      case 'schemeChoice':
        return `${field}: must be one of ${rule.options.join(', ')} or a scheme object`;
      case 'listItem':
        return `${field}: entry ${rule.index + 1} must be ${rule.item === 'font' ? 'a font name' : 'a unit name'} (text)`;
    }
  },
};
