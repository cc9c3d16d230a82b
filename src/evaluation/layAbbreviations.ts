/** Abbreviations patients and carers use themselves: never "unexplained jargon" to a lay reader or listener. */
export const LAY_ABBREVIATIONS: ReadonlySet<string> = new Set(['GP', 'NHS', 'OK', 'TV', 'UK', 'US', 'USA', 'ID', 'AM', 'PM', 'A&E', 'ICU', 'CT', 'MRI', 'DNA', 'HIV', 'COVID', 'X-ray']);
