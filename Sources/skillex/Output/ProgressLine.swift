import Foundation
import SkillEx

/// A one-line progress counter on stderr, driven by per-skill events; drawn only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var done = 0
    private var failed = 0
    private var lastDraw = Date.distantPast

    /// A counter labelled `label` (e.g. "sync").
    init(label: String) { self.label = label }

    /// Attaches to `telemetry` when stderr is a terminal; counts skill `validated`/`failed` events.
    func attach(to telemetry: Telemetry) {
        guard Terminal.isInteractive(2) else { return }
        telemetry.attach(id: "cli.progress") { [self] event in
            guard event.scope == .skill, event.type == .validated || event.type == .failed else { return }
            tick(failed: event.type == .failed)
        }
    }

    /// Erases the line so the result prints on a clean terminal.
    func finish() {
        StatusLine.shared.clear()
    }

    private func tick(failed isFailure: Bool) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        if isFailure { failed += 1 }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.05 else { return }
        lastDraw = now
        let failures = failed > 0 ? Terminal.paint(", \(failed) failed", "31", fd: 2) : ""
        // Drawn through StatusLine, which erases it around every log line written meanwhile.
        StatusLine.shared.show("[\(label)] \(done) skills checked\(failures)")
    }
}
