public import Foundation

/// Reads and writes `.skillex/scorecards.json`, the scoring stage's file for the site.
public enum ScorecardStore {
    /// The file's location in `workspace`.
    public static func url(_ workspace: Workspace) -> URL {
        workspace.stateURL.appendingPathComponent("scorecards.json")
    }

    /// The stored run, or nil when there is none or it cannot be read (the one `prefetch`
    /// started, when the file is still the one it read).
    public static func load(_ workspace: Workspace) -> ScoreRun? {
        let url = url(workspace)
        if let prefetched = FilePrefetch.take(url, as: ScoreRun?.self) { return prefetched }
        return try? read(at: url)
    }

    /// Starts `load`'s (and `read`'s) reading on another core (a build before sync, `site`
    /// before the manifest).
    public static func prefetch(_ workspace: Workspace) {
        let path = url(workspace).path
        FilePrefetch.start(url(workspace)) { data -> ScoreRun? in try? decode(data, rememberingFor: path) }
    }

    /// The run stored at `url`, nil when there is no file; throws the decoding error when the
    /// file is not a run (`ErrorText.decoding` words it). The one reader of the file: the scorer
    /// and the site both come here.
    public static func read(at url: URL) throws -> ScoreRun? {
        // Read ahead by `prefetch` (and the file unchanged since): taken. A prefetch that found no
        // file, or one it could not decode, leaves the reading (and its error) to this call.
        if let early = FilePrefetch.take(url, as: ScoreRun?.self), let run = early { return run }
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try decode(data, rememberingFor: url.path)
    }

    /// The run in `data`. The cards are most of the file: they are read on every core from the
    /// parsed tree, and anything that is not exactly the stored shape goes through `JSONDecoder`.
    public static func decode(_ data: Data) throws -> ScoreRun {
        try decodeWithSpans(data).run
    }

    /// `decode` of the file at `path`; when SkillEx wrote that file as it is now, its cards and
    /// their bytes are kept for the next `write` to copy (`WrittenCards`).
    static func decode(_ data: Data, rememberingFor path: String) throws -> ScoreRun {
        let (run, spans) = try decodeWithSpans(data)
        WrittenCards.remember(path: path, bytes: data, spans: spans, cards: run.skills)
        return run
    }

    /// `decode`, with each card's byte range in `data` when the cards were read from the tree.
    private static func decodeWithSpans(_ data: Data) throws -> (run: ScoreRun, spans: [Range<Int>]?) {
        if let split = splitDecode(data) { return split }
        // Any other shape (or damage): `JSONDecoder`, whose errors name what is wrong.
        return (try JSONDecoder().decodeChecked(ScoreRun.self, from: data), nil)
    }

    /// The usual case, made on every core: the document is read without its cards
    /// (`JSONValueParser.skeleton`), then each card is parsed and read on its own. Nil when any
    /// part is not the stored shape.
    private static func splitDecode(_ data: Data) -> (run: ScoreRun, spans: [Range<Int>]?)? {
        guard let split = JSONValueParser.splitItems(data, key: "skills", { tree in
                ScorecardTree.card(tree) ?? JSONTreeDecoder.value(Scorecard.self, tree: tree)
            }),
            case .object(let fields) = split.head, var run = JSONTreeDecoder.value(ScoreRun.self, tree: split.head)
        else { return nil }
        run.skills = split.items
        if fields["summary"] == nil { run.summary = ScoreRun.count(run.skills) }  // a file without one
        return (run, split.spans)
    }

    /// Writes `run`; for a partial run (not every skill of `manifest`), keeps the stored cards
    /// of other skills that are still in `manifest`, in manifest order. Returns the JSON of
    /// `run` itself (what `--format json` prints), so it is encoded once.
    @discardableResult
    public static func write(_ run: ScoreRun, manifest: Manifest, workspace: Workspace) throws -> Data {
        let path = url(workspace).path
        let written = WrittenCards.entries(path: path)
        let own = try render(run, reusing: written)
        var merged = run
        if run.skills.count < manifest.skills.count, let previous = load(workspace) {
            var byID = Dictionary(previous.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for card in run.skills { byID[card.id] = card }
            let cards = manifest.skills.compactMap { byID["\($0.sourceRepo)/\($0.name)"] }
            merged = ScoreRun(generatedAt: run.generatedAt, threshold: run.threshold, weights: run.weights, skills: cards)
            // Cards kept from a run with other inputs must not be reused later.
            merged.inputsDigest = previous.inputsDigest == run.inputsDigest ? run.inputsDigest : nil
        }
        let bytes = merged == run ? own : try render(merged, reusing: written)
        WrittenCards.forget(path: path)
        try AtomicFile.write(bytes, to: url(workspace))
        WrittenCards.noteWritten(path: path)
        return own
    }

    /// `JSONWriter.data(run)`: the scorecards written by `ScorecardJSON` on every core into
    /// a few buffers, the rest through the JSON tree.
    public static func render(_ run: ScoreRun) throws -> Data {
        try render(run, reusing: nil)
    }

    /// `render`, copying each card equal to the one at its place in `written` from that file.
    static func render(_ run: ScoreRun, reusing written: WrittenEntries<Scorecard>?) throws -> Data {
        var head = run
        head.skills = []
        guard case .object(let fields) = try JSONTreeEncoder.tree(head) else { return try JSONWriter.data(run) }
        let cards = run.skills
        let data = JSONChunkedObject.data(fields: fields, key: "skills", count: cards.count) { index, out in
            if let written, written.copy(index, equalTo: cards[index], into: &out) { return true }
            return ScorecardJSON.write(cards[index], indent: 4, into: &out)
        }
        // A number JSON cannot carry: let the encoder throw its usual error.
        return try data ?? JSONWriter.data(run)
    }
}

/// The cards of the scorecards file last read, with their bytes, while SkillEx wrote that file as
/// it is now (record `.skillex/scorecards-written`): a run that changed a few cards encodes those
/// and copies the rest.
enum WrittenCards {
    private static let memory = WrittenFileMemory<WrittenEntries<Scorecard>> {
        ($0 as NSString).deletingLastPathComponent + "/scorecards-written"
    }

    /// Keeps `cards` read from `bytes` (the file at `path`) when the record vouches for the file.
    static func remember(path: String, bytes: Data, spans: [Range<Int>]?, cards: [Scorecard]) {
        memory.remember(path: path, spans.flatMap { WrittenEntries(bytes: bytes, spans: $0, items: cards) })
    }

    /// The kept cards when the file at `path` is still the one read.
    static func entries(path: String) -> WrittenEntries<Scorecard>? { memory.value(path: path) }

    /// Drops the kept cards and the record (the file is about to be replaced).
    static func forget(path: String) { memory.forget(path: path) }

    /// Records the file just written.
    static func noteWritten(path: String) { memory.noteWritten(path: path) }
}
