public import Foundation

/// The event bus every command emits through. Handlers are called in attach order on the
/// emitting thread; a handler that throws is reported once and detached, so telemetry never
/// fails or stalls the pipeline (Erlang `:telemetry`'s rule).
public final class Telemetry: @unchecked Sendable {
    /// A handler: receives every event emitted after it is attached.
    public typealias Handler = @Sendable (Event) throws -> Void

    /// The id stamped on events emitted without a `run_id`.
    public let runID: String
    /// Where event times come from.
    public let clock: Clock
    private let report: @Sendable (String) -> Void
    private let lock = NSLock()
    private var handlers: [(id: String, handler: Handler)] = []
    private var flushers: [(id: String, flush: @Sendable () throws -> Void)] = []

    /// A bus for one run; `report` receives the one-line notice when a handler is detached
    /// (default: stderr).
    public init(
        runID: String = UUID().uuidString.lowercased(), clock: Clock = .system,
        report: @escaping @Sendable (String) -> Void = Telemetry.printToStandardError
    ) {
        self.runID = runID
        self.clock = clock
        self.report = report
    }

    /// Attaches `handler` under `id`, replacing any handler with the same id; `flush`, when
    /// given, is called by `flush()` (for handlers that batch their output).
    public func attach(
        id: String, flush: (@Sendable () throws -> Void)? = nil, handler: @escaping Handler
    ) {
        lock.withLock {
            handlers.removeAll { $0.id == id }
            handlers.append((id, handler))
            flushers.removeAll { $0.id == id }
            if let flush { flushers.append((id, flush)) }
        }
    }

    /// Makes every batching handler write what it holds; stages call it when they end.
    public func flush() {
        let current = lock.withLock { flushers }
        for (id, flush) in current {
            do { try flush() } catch {
                guard detach(id: id) else { continue }
                report("skillex: telemetry handler '\(id)' failed and was detached: \(ErrorText.brief(error))")
            }
        }
    }

    deinit { flush() }

    /// Detaches the handler with `id`; false when there was none.
    @discardableResult
    public func detach(id: String) -> Bool {
        lock.withLock {
            let before = handlers.count
            handlers.removeAll { $0.id == id }
            flushers.removeAll { $0.id == id }
            return handlers.count != before
        }
    }

    /// The ids of the attached handlers, in call order.
    public var handlerIDs: [String] { lock.withLock { handlers.map(\.id) } }

    /// Stamps `event` (time, run id; drops non-finite measurements) and hands it to every
    /// handler. Never throws.
    public func emit(_ event: Event) {
        var stamped = event
        if stamped.time.isEmpty { stamped.time = Timestamp.millisecondString(clock.now()) }
        if stamped.runID.isEmpty { stamped.runID = runID }
        stamped.measurements = stamped.measurements.filter { $0.value.isFinite }
        let current = lock.withLock { handlers }
        for (id, handler) in current {
            do { try handler(stamped) } catch {
                guard detach(id: id) else { continue }
                report("skillex: telemetry handler '\(id)' failed and was detached: \(ErrorText.brief(error))")
            }
        }
    }

    /// Wires the default handlers: the JSONL log at `.skillex/events.jsonl` (unless
    /// `eventLog` is false, e.g. for dry runs) and one swift-log line per event.
    public func attachDefault(workspace: Workspace, eventLog: Bool = true, logLabel: String = "skillex") {
        if eventLog {
            let sink = BufferedEventSink(log: EventLog(folder: workspace.stateURL))
            attach(id: "skillex.event-log", flush: { try sink.flush() }) { try sink.add($0) }
        }
        let lines = EventLogLines(label: logLabel)
        attach(id: "skillex.log-lines") { lines.log($0) }
    }

    /// Writes `line` to stderr.
    public static let printToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
