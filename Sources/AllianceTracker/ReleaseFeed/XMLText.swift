/// Text made safe for XML 1.0 content and attribute values: the five markup
/// characters escaped, and a character XML may not hold at all (a control character,
/// U+FFFE, U+FFFF) replaced by U+FFFD, since no escape can carry it.
enum XMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            case _: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
