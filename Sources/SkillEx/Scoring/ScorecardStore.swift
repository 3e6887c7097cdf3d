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

    /// Starts `load`'s reading on another core (a build, before sync).
    public static func prefetch(_ workspace: Workspace) {
        FilePrefetch.start(url(workspace)) { data -> ScoreRun? in try? decode(data) }
    }

    /// The run stored at `url`, nil when there is no file; throws the decoding error when the
    /// file is not a run (`ErrorText.decoding` words it). The one reader of the file: the scorer
    /// and the site both come here.
    public static func read(at url: URL) throws -> ScoreRun? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try decode(data)
    }

    /// The run in `data`. The cards are most of the file: they are read on every core from the
    /// parsed tree, and anything that is not exactly the stored shape goes through `JSONDecoder`.
    public static func decode(_ data: Data) throws -> ScoreRun {
        if case .object(var fields)? = try? JSONValueParser.parse(data), case .array(let items)? = fields["skills"] {
            fields["skills"] = .array([])
            let cards = ParallelMap.map(items) { ScorecardTree.card($0) ?? JSONTreeDecoder.value(Scorecard.self, tree: $0) }
            if var run = JSONTreeDecoder.value(ScoreRun.self, tree: .object(fields)), !cards.contains(where: { $0 == nil }) {
                run.skills = cards.compactMap { $0 }
                if fields["summary"] == nil { run.summary = ScoreRun.count(run.skills) }  // a file without one
                return run
            }
        }
        return try JSONDecoder().decodeChecked(ScoreRun.self, from: data)
    }

    /// Writes `run`; for a partial run (not every skill of `manifest`), keeps the stored cards
    /// of other skills that are still in `manifest`, in manifest order. Returns the JSON of
    /// `run` itself (what `--format json` prints), so it is encoded once.
    @discardableResult
    public static func write(_ run: ScoreRun, manifest: Manifest, workspace: Workspace) throws -> Data {
        let own = try render(run)
        var merged = run
        if run.skills.count < manifest.skills.count, let previous = load(workspace) {
            var byID = Dictionary(previous.skills.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for card in run.skills { byID[card.id] = card }
            let cards = manifest.skills.compactMap { byID["\($0.sourceRepo)/\($0.name)"] }
            merged = ScoreRun(generatedAt: run.generatedAt, threshold: run.threshold, weights: run.weights, skills: cards)
            // Cards kept from a run with other inputs must not be reused later.
            merged.inputsDigest = previous.inputsDigest == run.inputsDigest ? run.inputsDigest : nil
        }
        try AtomicFile.write(merged == run ? own : try render(merged), to: url(workspace))
        return own
    }

    /// `JSONWriter.data(run)`: the scorecards written by `ScorecardJSON` on every core into
    /// a few buffers, the rest through the JSON tree.
    public static func render(_ run: ScoreRun) throws -> Data {
        var head = run
        head.skills = []
        guard case .object(let fields) = try JSONTreeEncoder.tree(head) else { return try JSONWriter.data(run) }
        let cards = run.skills
        let data = JSONChunkedObject.data(fields: fields, key: "skills", count: cards.count) { index, out in
            ScorecardJSON.write(cards[index], indent: 4, into: &out)
        }
        // A number JSON cannot carry: let the encoder throw its usual error.
        return try data ?? JSONWriter.data(run)
    }
}
