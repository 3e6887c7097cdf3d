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
