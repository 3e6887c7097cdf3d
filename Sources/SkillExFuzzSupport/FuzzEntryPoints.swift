public import Foundation

/// One entry per libFuzzer harness for SkillEx's parsers of outside input: each feeds arbitrary
/// bytes to a parser the way SkillEx itself does. The harnesses in `Fuzz/` and the corpus tests
/// call the same entries, so a crash the fuzzer found stays fixed. An entry returns normally on
/// any input the parser rejects (a thrown error is a correct answer); it throws `FuzzViolation`
/// only when two paths that must agree do not.
///
/// A test aid, not API: it lives in this target, which no shipped product holds, and reaches the
/// parsers through their `package` declarations, so the `SkillEx` library does not carry it.
public enum FuzzEntryPoints {
    /// The harness names, which are also the folders under `Fuzz/corpus/`.
    public static let harnesses = [
        "skill-document", "front-matter", "manifest", "zip", "sarif", "lcov", "cobertura",
        "excoveralls", "credo", "dialyzer", "event-log", "xml-reader",
    ]

    /// Runs the harness called `name` on `data`; false when there is no such harness here.
    public static func run(_ name: String, _ data: Data) throws(FuzzViolation) -> Bool {
        switch name {
        case "skill-document": try skillDocument(data)
        case "front-matter": try frontMatter(data)
        case "manifest": try manifest(data)
        case "zip": try zip(data)
        case "sarif", "lcov", "cobertura", "excoveralls", "credo", "dialyzer": report(name, data)
        case "event-log": eventLog(data)
        case "xml-reader": try xmlReader(data)
        default: return false
        }
        return true
    }

    /// A folder of this process and thread under the temporary folder (not yet created).
    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skillex-fuzz-\(getpid())-\(pthread_self())")
    }
}
