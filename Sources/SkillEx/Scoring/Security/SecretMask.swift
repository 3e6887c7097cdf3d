import Foundation

/// How secrets appear in every output: a short prefix, the rest as asterisks.
public enum SecretMask {
    /// `AKIA************`: the first 4 characters (2 when the value is under 20), then up to 12
    /// asterisks. Never the whole value, whatever its length.
    public static func mask(_ value: some StringProtocol) -> String {
        let keep = value.count >= 20 ? 4 : (value.count >= 8 ? 2 : 0)
        return String(value.prefix(keep)) + String(repeating: "*", count: min(12, max(4, value.count - keep)))
    }

    /// `text` with each of `secrets` replaced by its mask.
    public static func redact(_ text: String, _ secrets: [String]) -> String {
        var out = text
        for secret in secrets where secret.count >= 6 && out.contains(secret) {
            out = out.replacingOccurrences(of: secret, with: mask(secret))
        }
        return out
    }

    /// `text` with every secret the security rules find in it masked (for pages that show a
    /// skill's files).
    public static func maskSecrets(in text: String) -> String {
        let found = SecretScan.hits(ScannedText(path: "text", text: text)).values
        return found.isEmpty ? text : redact(text, found)
    }

    /// Compiles the secret patterns on another core, so the first `maskSecrets` or `shown`
    /// does not wait for them (a site rebuild masks its first text a few milliseconds in).
    public static func prepareInBackground() {
        DispatchQueue.global().async { SecretScan.prepare() }
    }

    /// `text` as a page shows it: secrets masked, hidden characters as `<U+XXXX>` markers.
    public static func shown(_ text: String) -> String {
        HiddenText.reveal(maskSecrets(in: text), keepJoiners: true)
    }

    /// Shannon entropy of `value` in bits per character.
    static func entropy(_ value: some StringProtocol) -> Double {
        var counts: [Character: Int] = [:]
        for char in value { counts[char, default: 0] += 1 }
        let total = Double(value.count)
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }

    /// Words that mark a value (or its line) as a documented example rather than a secret.
    static let fakeMarkers = [
        "example", "fake", "dummy", "sample", "placeholder", "redacted", "changeme", "change-me", "xxxx", "your",
        "not-a-real", "not a real", "notreal", "test-only", "1234567", "abcdefg", "****", "...", "<", ">",
    ]

    /// True when `value`, or the text around it, says it is not a real secret.
    static func looksFake(_ value: Substring, context: String) -> Bool {
        let lower = value.lowercased()
        if fakeMarkers.contains(where: { lower.contains($0) }) { return true }
        let around = context.lowercased()
        return ["fake", "example", "dummy", "not a real", "placeholder", "sample"].contains { around.contains($0) }
    }
}
