import Foundation

/// The report formats SkillEx reads.
public enum ReportKind: String, Sendable, Codable, CaseIterable {
    case sarif, credo, dialyzer, lcov, cobertura, excoveralls

    /// True for coverage formats, false for static-analysis formats.
    public var isCoverage: Bool {
        switch self {
        case .lcov, .cobertura, .excoveralls: true
        case .sarif, .credo, .dialyzer: false
        }
    }
}

/// One report to read: a repository entry's `reports[]` item, or a `--report KIND=PATH` flag.
public struct ReportSpec: Sendable, Equatable, Codable {
    /// The format.
    public var kind: ReportKind
    /// Path to the file: relative to the repository (manifest) or the current folder (flag).
    public var path: String

    /// A report.
    public init(kind: ReportKind, path: String) {
        self.kind = kind
        self.path = path
    }
}

/// A report that cannot be read: names the file, the position and the problem.
public struct IngestError: DescribedError, Equatable {
    /// The report file.
    public var file: String
    /// Where: `line 3`, `line 2, column 7`, `offset 120`, or a JSON path.
    public var position: String
    /// What is wrong.
    public var reason: String

    /// `file: position: reason`.
    public var description: String { "\(file): \(position): \(reason)" }
}

/// One static-analysis finding as a report states it (path relative to the repository or absolute).
public struct AnalysisFinding: Sendable, Equatable {
    /// The analyser (`ShellCheck`, `credo`, `dialyzer`).
    public var tool: String
    /// The analyser's rule id.
    public var rule: String
    /// Mapped severity.
    public var severity: FindingSeverity
    /// The analyser's message.
    public var message: String
    /// The file as written in the report.
    public var path: String
    /// 1-based line, when given.
    public var line: Int?
    /// Help text from the report, when it has some.
    public var help: String?
}

/// Line coverage by file: for each line with data, whether it ran.
public typealias LineCoverage = [String: [Int: Bool]]
