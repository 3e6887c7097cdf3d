import Foundation

/// The body of `POST /repos/{owner}/{repo}/check-runs` (and, with only `output`, of the
/// `PATCH …/check-runs/{id}` updates that carry annotations beyond the first 50).
public struct CheckRunPayload: Sendable, Equatable, Codable {
    /// The check's name (`SkillEx scorecard`).
    public var name: String?
    /// The commit checked.
    public var headSha: String?
    /// `completed`.
    public var status: String?
    /// `success` or `failure`.
    public var conclusion: String?
    /// Title, Markdown summary and annotations.
    public var output: CheckRunOutput

    private enum CodingKeys: String, CodingKey {
        case name, status, conclusion, output, headSha = "head_sha"
    }
}

/// A check run's `output`.
public struct CheckRunOutput: Sendable, Equatable, Codable {
    /// One line.
    public var title: String
    /// Markdown.
    public var summary: String
    /// At most 50 per request (GitHub's limit).
    public var annotations: [CheckAnnotation]
}

/// One annotation on a file line.
public struct CheckAnnotation: Sendable, Equatable, Codable {
    /// Path in the repository.
    public var path: String
    /// First line (1-based).
    public var startLine: Int
    /// Last line.
    public var endLine: Int
    /// `notice`, `warning` or `failure`.
    public var annotationLevel: String
    /// The finding.
    public var message: String
    /// `rule-id (skill)`.
    public var title: String
    /// The remediation.
    public var rawDetails: String?

    private enum CodingKeys: String, CodingKey {
        case path, message, title
        case startLine = "start_line", endLine = "end_line"
        case annotationLevel = "annotation_level", rawDetails = "raw_details"
    }
}

/// The create payload plus the update payloads for the remaining annotations.
public struct CheckRunPlan: Sendable, Equatable, Codable {
    /// GitHub accepts at most this many annotations per request.
    public static let annotationsPerRequest = 50

    /// `POST …/check-runs`.
    public var create: CheckRunPayload
    /// `PATCH …/check-runs/{id}`, in order.
    public var updates: [CheckRunPayload]

    /// Builds the payloads for `run` on commit `headSHA`.
    public static func build(_ run: ScoreRun, headSHA: String, name: String = "SkillEx scorecard") -> CheckRunPlan {
        let annotations = run.skills.flatMap { card in
            card.findings.map { finding in
                CheckAnnotation(
                    path: "\(card.path)/\(finding.file)", startLine: max(1, finding.line ?? 1),
                    endLine: max(1, finding.line ?? 1), annotationLevel: level(finding.severity),
                    message: finding.message, title: "\(finding.rule) (\(card.id))",
                    rawDetails: finding.remediation)
            }
        }
        let s = run.summary
        let title = s.refused > 0
            ? "\(s.refused) of \(s.scored) skills below the threshold \(format(run.threshold))"
            : "\(s.scored) skills pass the threshold \(format(run.threshold))"
        let summary = CheckSummary.markdown(run)
        var chunks = stride(from: 0, to: annotations.count, by: annotationsPerRequest).map {
            Array(annotations[$0..<min($0 + annotationsPerRequest, annotations.count)])
        }
        if chunks.isEmpty { chunks = [[]] }
        let create = CheckRunPayload(
            name: name, headSha: headSHA, status: "completed", conclusion: s.refused > 0 ? "failure" : "success",
            output: CheckRunOutput(title: title, summary: summary, annotations: chunks[0]))
        let updates = chunks.dropFirst().map {
            CheckRunPayload(output: CheckRunOutput(title: title, summary: summary, annotations: $0))
        }
        return CheckRunPlan(create: create, updates: updates)
    }

    static func level(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: "failure"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    static func format(_ number: Double) -> String { String(format: "%g", number) }
}
