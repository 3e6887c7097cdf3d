/// A valid skill name close to an invalid one, for the fixes the validator offers
/// (`Internal_Comms` → `internal-comms`). Every suggestion passes the name rules itself.
public enum SkillNameSuggestion {
    /// A name that passes every `name.*` rule, as close to `text` as it can be: NFKC, lowercase,
    /// each run of anything but letters and digits one hyphen, no hyphen at either end, at most
    /// 64 characters; `skill` when nothing usable is left.
    public static func suggestion(for text: String) -> String {
        let mapped = SpecRules.compatibilityMapped(Trim.whitespacesAndNewlines(text)).lowercased()
        var out = ""
        var pendingHyphen = false
        for character in mapped {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !out.isEmpty { out.append("-") }
                pendingHyphen = false
                out.append(character)
            } else {
                pendingHyphen = true
            }
        }
        let candidate = fit(out)
        if isValid(candidate) { return candidate }
        // Lowercasing or NFKC can still leave something the rules refuse (a title-case letter,
        // a combining mark): fall back to the ASCII letters and digits.
        let ascii = String(
            candidate.unicodeScalars.map { scalar in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
            })
        let fallback = fit(String(ascii.split(separator: "-").joined(separator: "-")))
        return isValid(fallback) ? fallback : "skill"
    }

    /// True when `text` breaks no `name.*` rule as the name of a folder of the same name (the
    /// rules of `SpecRules.checkName`, which the tests hold this to).
    public static func isValid(_ text: String) -> Bool {
        // Lowercase ASCII letters, digits and hyphens: NFKC and trimming change nothing.
        if text.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
            return !text.isEmpty && text.utf8.count <= SkillSpec.maxNameLength && text.utf8.first != 0x2D
                && text.utf8.last != 0x2D && !zip(text.utf8, text.utf8.dropFirst()).contains { $0 == 0x2D && $1 == 0x2D }
        }
        let name = SpecRules.compatibilityMapped(Trim.whitespacesAndNewlines(text))
        return !name.isEmpty && SpecRules.compatibilityMapped(text) == name
            && name.unicodeScalars.count <= SkillSpec.maxNameLength && name == name.lowercased()
            && !name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--")
            && name.allSatisfy { $0 == "-" || $0.isLetter || $0.isNumber }
    }

    /// `text` cut to the length limit (whole characters), without a hyphen left at the end.
    private static func fit(_ text: String) -> String {
        var out = ""
        var count = 0
        for character in text {
            let size = character.unicodeScalars.count
            if count + size > SkillSpec.maxNameLength { break }
            out.append(character)
            count += size
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
