public import Foundation

/// The static-analysis findings and line coverage read from one repository's reports.
public struct RepositoryReports: Sendable {
    /// Every static-analysis finding.
    public var findings: [AnalysisFinding] = []
    /// Line coverage by file, as the reports name files.
    public var coverage: LineCoverage = [:]
    /// True when at least one static-analysis report was read.
    public var hasStaticAnalysis = false
    /// True when at least one coverage report was read.
    public var hasCoverage = false
    /// `kind path sha256` of every report read, for the scoring inputs digest.
    public var sources: [String] = []

    /// No reports.
    public init() {}

    /// Most bytes read from one report file.
    public static let maxReportBytes = 256 << 20

    /// Reads every report in `specs` (paths resolved against each one's folder). Each report's
    /// real path (every symlink resolved) must lie inside one of `roots` (the repository and the
    /// hub), and it must be a regular file of at most `maxReportBytes`; errors name the file
    /// and never show its content.
    public static func load(
        _ specs: [(spec: ReportSpec, base: URL)], inside roots: [URL]
    ) throws(IngestError) -> RepositoryReports {
        var reports = RepositoryReports()
        let realRoots = roots.compactMap { RealPath.of($0.path) }
        for (spec, base) in specs {
            let url = spec.path.hasPrefix("/") ? URL(fileURLWithPath: spec.path) : base.appendingPathComponent(spec.path)
            let file = url.standardizedFileURL.path
            let kind = spec.kind.rawValue
            guard let real = RealPath.of(file) else {
                throw IngestError(
                    file: file, position: "offset 0",
                    reason: "cannot read \(kind) report: \(String(cString: strerror(errno)))")
            }
            guard realRoots.contains(where: { RealPath.isInside(real, root: $0) }) else {
                throw IngestError(
                    file: file, position: "offset 0",
                    reason: "\(kind) report leads to \(real), outside the repository and the hub (not read)")
            }
            let data: Data
            do { data = try BoundedFile.read(real, limit: maxReportBytes) } catch {
                throw IngestError(file: file, position: "offset 0", reason: "cannot read \(kind) report: \(error.description)")
            }
            reports.sources.append("\(spec.kind.rawValue) \(file) \(Digest.sha256Hex(data))")
            switch spec.kind {
            case .sarif: reports.findings += try SarifReader.read(data, file: file)
            case .credo: reports.findings += try CredoReader.read(data, file: file)
            case .dialyzer: reports.findings += try DialyzerReader.read(data, file: file)
            case .lcov: reports.merge(try LcovReader.read(data, file: file))
            case .cobertura: reports.merge(try CoberturaReader.read(data, file: file))
            case .excoveralls: reports.merge(try ExCoverallsReader.read(data, file: file))
            }
            if spec.kind.isCoverage { reports.hasCoverage = true } else { reports.hasStaticAnalysis = true }
        }
        return reports
    }

    private mutating func merge(_ other: LineCoverage) {
        for (path, lines) in other { coverage[path, default: [:]].merge(lines) { $0 || $1 } }
    }
}

/// Maps paths written in reports to files inside one skill.
struct SkillPathMatcher {
    /// Absolute, standardized path of the repository checkout.
    var repoRoot: String
    /// Absolute path of the hub.
    var hubRoot: String
    /// Prefixes (relative to the repository or hub) that lead into the skill, each ending in `/`.
    var prefixes: [String]

    /// The path inside the skill (`scripts/run.sh`), or nil when `reportPath` is elsewhere.
    func relative(_ reportPath: String) -> String? {
        var path = reportPath
        if path.hasPrefix("file://") { path = String(path.dropFirst("file://".count)) }
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("/") {
            if path.hasPrefix(repoRoot + "/") {
                path = String(path.dropFirst(repoRoot.count + 1))
            } else if path.hasPrefix(hubRoot + "/") {
                path = String(path.dropFirst(hubRoot.count + 1))
            } else {
                return nil
            }
        }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        for prefix in prefixes where path.hasPrefix(prefix) {
            let inside = String(path.dropFirst(prefix.count))
            return inside.isEmpty || inside.split(separator: "/").contains("..") ? nil : inside
        }
        return nil
    }
}
