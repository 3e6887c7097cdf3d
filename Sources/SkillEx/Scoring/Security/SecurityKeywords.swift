/// Every keyword the security rules pre-check a file for, compiled into one matcher, so a file
/// is searched for all of them in a single pass (`ScannedText.keywordLines`).
enum SecurityKeywords {
    /// Markup the hidden-text rules look for before running their patterns.
    static let markup = ["<!--", "]:", "<details", "private key-----"]

    static let matcher = KeywordMatcher(
        markup + ExfiltrationScan.hints + ExfiltrationScan.sourceWords + ExfiltrationScan.sendWords
            + ExfiltrationScan.execWords + ExfiltrationScan.storeWords + ExfiltrationScan.safetyWords
            + SecretScan.patterns.flatMap(\.hints) + SecretScan.assignmentHints + InjectionScan.rules.flatMap(\.words))
}

/// A rule's keyword list with the matcher's ids for it, looked up once (not per file).
struct KeywordSet: Sendable {
    let words: [String]
    /// Nil when a word is not in `SecurityKeywords.matcher` (then found by substring search).
    let ids: [Int]?

    init(_ words: [String]) {
        self.words = words
        let ids = words.compactMap(SecurityKeywords.matcher.id)
        self.ids = ids.count == words.count ? ids : nil
    }
}
