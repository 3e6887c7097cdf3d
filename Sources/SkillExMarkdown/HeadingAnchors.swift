/// Makes URL-fragment slugs from heading text, unique within one page.
struct HeadingAnchors {
    private var used: [String: Int] = [:]

    /// A slug for `text`; a repeated slug gets `-1`, `-2`… suffixes.
    mutating func anchor(for text: String) -> String {
        let base = Self.slug(text)
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        let candidate = "\(base)-\(next)"
        used[candidate] = 0
        return candidate
    }

    /// Lowercases, keeps letters, digits, `-` and `_`, turns spaces into `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                || scalar == "_"
            {
                out.unicodeScalars.append(scalar)
            } else if scalar == " " {
                out.append("-")
            }
        }
        return out.isEmpty ? "section" : out
    }
}
