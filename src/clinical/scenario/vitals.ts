/** Vital signs and age as a scenario states them. */
export interface Vitals {
  age?: number;
  heartRate?: number;
  systolicBp?: number;
  diastolicBp?: number;
  respiratoryRate?: number;
  /** °C (a value above 50 is read as °F and converted). */
  temperature?: number;
  spo2?: number;
}

export interface VitalReading {
  name: keyof Vitals;
  value: number;
  text: string;
  start: number;
  end: number;
}

const PATTERNS: [keyof Vitals | 'bp', RegExp][] = [
  ['age', /\b(\d{1,3})[- ]?(?:year|yr)s?[- ]?old\b|\baged?\s*:?\s*(\d{1,3})\b|\b(\d{1,3})\s*(?:yo|y\/o|y\.o\.)\b/gi],
  ['heartRate', /\b(?:HR|heart rate|pulse)\s*:?\s*(-?\d{1,3})\b/gi],
  ['bp', /\b(?:BP|blood pressure)\s*:?\s*(-?\d{1,3})\s*\/\s*(-?\d{1,3})\b/gi],
  ['respiratoryRate', /\b(?:RR|resp(?:iratory)? rate)\s*:?\s*(-?\d{1,3})\b/gi],
  ['temperature', /\b(?:T|temp(?:erature)?)\s*:?\s*(-?\d{2,3}(?:\.\d)?)\s*(?:°?\s*[CF])?\b/gi],
  ['spo2', /\b(?:SpO2|sats|O2 sats?|oxygen saturation)\s*:?\s*(-?\d{1,3})\s*%?/gi],
];

/** The vital signs a text states ("HR 110", "BP 90/60", "T 38.5", "SpO2 94%", "a 67-year-old"), with offsets. */
export function readVitals(text: string): VitalReading[] {
  const readings: VitalReading[] = [];
  for (const [name, pattern] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const at = { text: m[0], start: m.index, end: m.index + m[0].length };
      if (name === 'bp') {
        readings.push({ name: 'systolicBp', value: Number(m[1]), ...at }, { name: 'diastolicBp', value: Number(m[2]), ...at });
        continue;
      }
      const value = Number(m.slice(1).find((g) => g !== undefined));
      readings.push({ name, value: name === 'temperature' && value > 50 ? Math.round(((value - 32) * 5) / 9 * 10) / 10 : value, ...at });
    }
  }
  return readings;
}

/** Values no living adult patient has: beyond these, a scenario is wrong, not just sick. */
export const PLAUSIBLE: Record<keyof Vitals, [number, number]> = {
  age: [0, 120],
  heartRate: [20, 250],
  systolicBp: [50, 280],
  diastolicBp: [20, 160],
  respiratoryRate: [4, 70],
  temperature: [30, 43.5],
  spo2: [40, 100],
};
