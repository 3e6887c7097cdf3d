public import Foundation

/// One entry per libFuzzer harness: each feeds arbitrary bytes to a parser of outside input the
/// way SkillEx itself does. The harnesses in `Fuzz/` and the corpus tests call the same entries,
/// so a crash the fuzzer found stays fixed. An entry returns normally on any input the parser
/// rejects (a thrown error is a correct answer); it throws `FuzzViolation` only when two paths
/// that must agree do not.
///
/// SPI, not API: only `@_spi(Fuzz) import SkillEx` (the harnesses in `Fuzz/` and the corpus tests)
/// sees it, so code that embeds the library never does.
@_spi(Fuzz) public enum FuzzEntryPoints {
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
        case "sarif": _ = try? SarifReader.read(data, file: "fuzz.sarif")
        case "lcov": _ = try? LcovReader.read(data, file: "fuzz.lcov")
        case "cobertura": _ = try? CoberturaReader.read(data, file: "fuzz.xml")
        case "excoveralls": _ = try? ExCoverallsReader.read(data, file: "fuzz.json")
        case "credo": _ = try? CredoReader.read(data, file: "fuzz.json")
        case "dialyzer": _ = try? DialyzerReader.read(data, file: "fuzz.txt")
        case "event-log": eventLog(data)
        case "xml-reader": try xmlReader(data)
        default: return false
        }
        return true
    }

    /// A whole `SKILL.md` through validation in both modes (front-matter split, strict subset
    /// scan, flat fast path or Yams, spec rules), then the flat fast path checked against Yams.
    public static func skillDocument(_ data: Data) throws(FuzzViolation) {
        guard let text = String(validating: data, as: UTF8.self) else { return }
        for mode in ValidationMode.allCases {
            _ = SpecValidator(mode: mode).validate(text: text, file: "SKILL.md", folderName: "fuzz-skill")
            let fast = SkillDocumentParser.parse(text, file: "SKILL.md", mode: mode)
            let slow = SkillDocumentParser.parse(text, file: "SKILL.md", mode: mode, flatFastPath: false)
            if let document = fast.document, slow.document != document {
                throw FuzzViolation(
                    harness: "skill-document",
                    detail: "\(mode.rawValue) mode: the flat fast path gave \(document.fields.map(\.key)), Yams \(slow.document?.fields.map(\.key) ?? [])")
            }
        }
    }

    /// Front-matter text (between the fences) through the flat fast path and Yams: whatever the
    /// fast path accepts, Yams must read as the same fields.
    public static func frontMatter(_ data: Data) throws(FuzzViolation) {
        guard let yaml = String(validating: data, as: UTF8.self) else { return }
        let document = "---\n\(yaml)\n---\nbody\n"
        let slow = SkillDocumentParser.parse(document, file: "SKILL.md", mode: .standard, flatFastPath: false)
        guard let flat = FlatFrontMatter.fields(yaml[...]) else { return }
        let expected = SkillDocument(fields: flat, body: "body\n")
        guard slow.document == expected else {
            throw FuzzViolation(
                harness: "front-matter",
                detail: "the flat fast path gave \(flat.map { "\($0.key)=\($0.value.display)" }), Yams \(slow.document.map { $0.fields.map { "\($0.key)=\($0.value.display)" } } ?? ["(no document)"])")
        }
    }

    /// `manifest.json` bytes through the decoder and its checks; a manifest that reads must
    /// survive a save and a re-read unchanged, kept fields included (nothing lost).
    public static func manifest(_ data: Data) throws(FuzzViolation) {
        guard let manifest = try? ManifestStore.decode(data, path: "manifest.json") else { return }
        let again: Manifest
        do {
            again = try ManifestStore.decode(try ManifestStore.encode(manifest), path: "manifest.json")
        } catch {
            throw FuzzViolation(harness: "manifest", detail: "a manifest that reads does not save and re-read: \(error)")
        }
        guard again == manifest else {
            throw FuzzViolation(harness: "manifest", detail: "a save and re-read changed the manifest")
        }
    }

    /// An event log, read as `EventLog.read` reads it: the live file in small chunks (so lines
    /// straddle chunk ends), every line through the byte-level event parser.
    public static func eventLog(_ data: Data) {
        // A folder per thread (the corpus tests run in parallel); `scripts/fuzz` points TMPDIR
        // at a tmpfs, where this costs microseconds.
        let folder = scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = EventLog(folder: folder)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: log.url)
        } catch { return }
        try? log.read { _ in }
        try? LineReader.forEachLine(in: log.url, chunkSize: 7) { line in _ = EventLineParser.parse(line) }
    }

    /// A folder of this process and thread under the temporary folder (not yet created).
    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("skillex-fuzz-\(getpid())-\(pthread_self())")
    }
}
