/**
 * A minimal well-formedness check for XMP packets: balanced tags, quoted attributes, and only
 * the five predefined entities or numeric references. Enough to catch unescaped `&` or `<`.
 */
export class DOMParser {
  parseOk(xml: string): boolean {
    const stack: string[] = [];
    const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<\?[^?]*\?>|<!--[\s\S]*?-->|([^<]+)|(<)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) {
      if (m[6]) return false;
      if (m[5] !== undefined) {
        if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(m[5])) return false;
        continue;
      }
      if (!m[2]) continue;
      if (m[1]) {
        if (stack.pop() !== m[2]) return false;
      } else if (!m[4]) stack.push(m[2]);
    }
    return stack.length === 0;
  }
}
