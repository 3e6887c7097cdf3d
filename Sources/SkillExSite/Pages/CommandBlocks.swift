public import Foundation
import SkillEx

/// Runs the commands of ```` ```console skillex-run ```` blocks in a fresh copy of the workspace
/// and puts their real output in the page; a command that fails breaks the build.
///
/// A block holds lines `$ skillex …`; `skillex` is replaced by `executable`. `exit=N` after the
/// info string expects exit status N instead of 0; `format=json` makes commands that print text
/// or JSON default to JSON (text otherwise; a command's own `--format` always wins). The
/// commands of one page run in order in one copy (`CookbookCopy`, which keeps the manifest's
/// `../` repository paths working), so a walkthrough can build on its earlier steps. A block
/// whose info string says `screencast` (or every block, when the page's front matter says
/// `screencast: true`) is also recorded: its commands and their output come back for the page's
/// asciicast.
public struct CommandBlocks: Sendable {
    /// The skillex binary to run.
    public var executable: URL
    /// The workspace to copy (its `public/`, `dist/`, `skills/`, `.skillex/` are left out; the
    /// repositories its manifest names beside it are copied too).
    public var workspace: URL
    /// Environment for the commands (the clock comes in as `SOURCE_DATE_EPOCH`).
    public var environment: [String: String]
    /// Changes when what the commands see changes (the manifest).
    public var stateKey: String

    /// A runner for `workspace`'s cookbook.
    public init(executable: URL, workspace: URL, environment: [String: String]) {
        self.executable = executable
        self.workspace = workspace
        self.environment = environment
        let manifest = (try? Data(contentsOf: workspace.appendingPathComponent("manifest.json"))) ?? Data()
        stateKey = Digest.sha256Hex(manifest) + SkillExVersion.current
    }

    /// The build clock (`SOURCE_DATE_EPOCH`), stamped into recordings; 0 without one.
    var timestamp: Int { environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) } ?? 0 }

    /// True when `markdown` has a block to run.
    static func contains(_ markdown: String) -> Bool {
        // A byte search in place: Foundation's `String.contains` bridges to NSString, and copying
        // every page into an array showed in profiles.
        let needle = Array("skillex-run".utf8)
        var text = markdown
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count, let base = bytes.baseAddress else { return false }
            var start = 0
            let last = bytes.count - needle.count
            while start <= last, let found = memchr(base + start, Int32(needle[0]), last - start + 1) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }

    /// `markdown` with each run block replaced by its commands and their output, and the commands
    /// of the recorded blocks (all of them when `recordAll`) with that same output.
    func expand(
        _ markdown: String, file: String, recordAll: Bool = false
    ) throws -> (markdown: String, recorded: [RecordedCommand]) {
        let copy: CookbookCopy
        do { copy = try CookbookCopy.make(of: workspace) } catch {
            throw SiteError.command(file: file, command: "copy workspace", reason: ErrorText.brief(error))
        }
        defer { copy.remove() }
        var out: [Substring] = []
        var recorded: [RecordedCommand] = []
        var block: (expected: Int32, format: String, record: Bool, commands: [String])?
        var shown: Substring?  // the fence of an ordinary code block, whose lines pass through as is
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let fence = shown {
                out.append(line)
                if Self.fence(of: line).map({ $0.first == fence.first && $0.count >= fence.count }) == true,
                   line.trimmingCharacters(in: .whitespaces).allSatisfy({ $0 == fence.first }) {
                    shown = nil
                }
                continue
            }
            if var current = block {
                if line.hasPrefix("```") {
                    out.append("```console")
                    for command in current.commands {
                        out.append(Substring("$ " + command))
                        let output = try run(command, in: copy, format: current.format, expecting: current.expected, file: file)
                        if !output.isEmpty { out.append(Substring(output)) }
                        if current.record { recorded.append(RecordedCommand(command: command, output: output)) }
                    }
                    out.append("```")
                    block = nil
                } else if line.hasPrefix("$ ") {
                    current.commands.append(String(line.dropFirst(2)))
                    block = current
                }
                continue
            }
            let info = line.split(separator: " ")
            if line.hasPrefix("```"), info.contains("skillex-run") {
                let expected = info.first { $0.hasPrefix("exit=") }.flatMap { Int32($0.dropFirst(5)) } ?? 0
                let format = info.first { $0.hasPrefix("format=") }.map { String($0.dropFirst(7)) } ?? "text"
                guard format == "text" || format == "json" else {
                    throw SiteError.command(file: file, command: String(line), reason: "format= must be text or json")
                }
                block = (expected, format, recordAll || info.contains("screencast"), [])
            } else {
                shown = Self.fence(of: line)
                out.append(line)
            }
        }
        return (out.joined(separator: "\n"), recorded)
    }

    /// The run of backticks or tildes (three or more) opening a fenced code block on `line`.
    static func fence(of line: Substring) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        guard let mark = trimmed.first, mark == "`" || mark == "~" else { return nil }
        let run = trimmed.prefix { $0 == mark }
        return run.count >= 3 ? run : nil
    }

    private func run(
        _ command: String, in copy: CookbookCopy, format: String, expecting expected: Int32, file: String
    ) throws -> String {
        let words = ShellWords.split(command)
        guard words.first == "skillex" else {
            throw SiteError.command(file: file, command: command, reason: "only skillex commands can run")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = Array(words.dropFirst())
        process.currentDirectoryURL = copy.hub
        var env = environment
        env["NO_COLOR"] = "1"
        env["SKILLEX_COOKBOOK_RUN"] = "1"
        env["SKILLEX_FORMAT"] = format
        // Structured log lines carry a random run id and timings: the page shows the command's
        // own output, so the same input gives the same page (and screencast) bytes.
        env["SKILLEX_LOG_LEVEL"] = "critical"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw SiteError.command(file: file, command: command, reason: ErrorText.brief(error))
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitForExit()
        var text = copy.relativize(String(decoding: data, as: UTF8.self))
        while text.hasSuffix("\n") { text.removeLast() }
        if process.terminationStatus != expected {
            let last = text.split(separator: "\n").last.map(String.init) ?? ""
            throw SiteError.command(
                file: file, command: command, reason: "exit \(process.terminationStatus) (expected \(expected)): \(last)")
        }
        return text
    }
}

/// Splits a command line into words, honouring single and double quotes.
enum ShellWords {
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " || character == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
