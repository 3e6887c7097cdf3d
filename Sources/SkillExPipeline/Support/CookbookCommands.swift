import Foundation
public import SkillEx
public import SkillExSite

/// How the cookbook's `skillex-run` blocks run: with this very binary, at the workspace's time.
public enum CookbookCommands {
    /// A runner at the workspace's time (or `epoch`); nil inside a cookbook run (no recursion).
    /// The commands see only `ChildEnvironment`'s allow-list and the build clock: their output
    /// goes onto the public site, so no credential may be within their reach.
    public static func runner(_ workspace: Workspace, epoch: Int? = nil) -> CommandBlocks? {
        guard workspace.environment["SKILLEX_COOKBOOK_RUN"] == nil, let binary = selfExecutable() else { return nil }
        return CommandBlocks(
            executable: binary, workspace: workspace.root, environment: environment(workspace, epoch: epoch))
    }

    /// The environment of cookbook commands: the allow-list and `SOURCE_DATE_EPOCH`.
    public static func environment(_ workspace: Workspace, epoch: Int? = nil) -> [String: String] {
        var environment = ChildEnvironment.allowing([], from: workspace.environment)
        environment["SOURCE_DATE_EPOCH"] = String(epoch ?? Int(saturating: workspace.clock.now().timeIntervalSince1970))
        return environment
    }

    /// The running binary, from `/proc/self/exe` (not `argv[0]`, which may be relative or a name).
    static func selfExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL
    }
}
