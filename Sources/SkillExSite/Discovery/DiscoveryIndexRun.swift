public import Foundation

/// A discovery index being written on another core while the pages are built: it reads only the
/// site input and writes only under `.well-known/agent-skills/`, which no page touches.
public final class DiscoveryIndexRun: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<DiscoveryReport, any Error>?

    /// Starts `DiscoveryIndex.write(input:site:)`.
    public init(input: SiteInput, site: URL) {
        done.enter()
        DispatchQueue.global().async { [self] in
            result = Result { try DiscoveryIndex.write(input: input, site: site) }
            done.leave()
        }
    }

    /// Waits for the index: what writing it did, or the error it threw.
    public func finish() throws -> DiscoveryReport {
        done.wait()
        guard let result else { return DiscoveryReport() }
        return try result.get()
    }
}
