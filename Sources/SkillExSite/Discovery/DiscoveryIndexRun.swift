public import Foundation

/// A discovery index being written on another core while the pages are built: it reads only the
/// site input and writes only under `.well-known/agent-skills/`, which no page touches.
public final class DiscoveryIndexRun: @unchecked Sendable {
    private let writing: Background<Result<DiscoveryReport, any Error>>

    /// Starts `DiscoveryIndex.write(input:site:)`.
    public init(input: SiteInput, site: URL) {
        writing = Background { Result { try DiscoveryIndex.write(input: input, site: site) } }
    }

    /// Waits for the index (writing it on this thread when no core has started it): what
    /// writing it did, or the error it threw.
    public func finish() throws -> DiscoveryReport {
        try writing.value?.get() ?? DiscoveryReport()
    }
}
