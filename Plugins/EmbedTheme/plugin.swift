import Foundation
import PackagePlugin

/// Turns every file under the package's `templates/` and `schemas/` folders into `EmbeddedTheme.swift`, so the
/// built-in theme lives inside the binary (a resource bundle would trap when the binary is copied alone).
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        var inputs: [URL] = []
        for folder in ["templates", "schemas"] {
            guard let walker = FileManager.default.enumerator(
                at: root.appending(path: folder), includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.isRegularFileKey])
                if values?.isRegularFile == true { inputs.append(url) }
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding the built-in theme (\(inputs.count) files)",
                executable: try context.tool(named: "EmbedThemeTool").url,
                arguments: [output.path, root.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
