import Foundation

/// `hidden-homoglyph`: a word of the skill's name or description that mixes Latin letters with
/// Cyrillic or Greek ones that look alike (`pаypal` with a Cyrillic `а`).
enum HomoglyphScan {
    static func hits(name: String, description: String, skillText: ScannedText?) -> [SecurityHit] {
        var out: [SecurityHit] = []
        for (field, value, risk) in [("name", name, SecurityRisk.critical), ("description", description, .high)] {
            guard value.utf8.contains(where: { $0 >= 0x80 }) else { continue }
            let words = value.split { !$0.isLetter && !$0.isNumber }
            guard let word = words.first(where: mixes) else { continue }
            out.append(SecurityHit(
                rule: "hidden-homoglyph", risk: risk,
                message: "the \(field) mixes Latin with look-alike letters in \"\(word)\" (\(spelled(word)))",
                file: "SKILL.md", line: line(of: field, in: skillText)))
        }
        return out
    }

    /// True when `word` holds a Latin letter and a Cyrillic or Greek one.
    static func mixes(_ word: Substring) -> Bool {
        var latin = false, other = false
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { latin = true }
            if (0x0370...0x03FF).contains(value) || (0x0400...0x04FF).contains(value) { other = true }
        }
        return latin && other
    }

    /// Each non-ASCII letter of `word` as its code point.
    private static func spelled(_ word: Substring) -> String {
        word.unicodeScalars.filter { $0.value >= 0x80 }.map { "'\($0)' is U+\(String($0.value, radix: 16, uppercase: true))" }
            .joined(separator: ", ")
    }

    /// The front-matter line starting with `field:`.
    private static func line(of field: String, in file: ScannedText?) -> Int? {
        guard let file else { return nil }
        for number in 1...min(file.lineStarts.count, 200) where file.lineText(number).hasPrefix(field + ":") {
            return number
        }
        return nil
    }
}
