import Foundation
import PythonRuntime
import HostPlatform

/// The runtime's view of a terminal: buffered stdout, unbuffered stderr, lines
/// from stdin, and source files under one folder.
final class TerminalHost: RuntimeHost {
    var searchRoot = "."
    let clock: RuntimeClock = HostClock()
    /// As MicroPython's unix port: the host's own files.
    let fileSystem: VirtualFileSystem? = DirectoryFileSystem(root: "/")
    /// As MicroPython's unix port: the host's own sockets.
    let network: RuntimeNetwork? = HostNetwork()
    private var buffer: [UInt8] = []

    func writeOutput(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    /// sys.stdout.buffer: the bytes as they are, as the unix port writes them to fd 1.
    func writeRawOutput(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count > 1 << 16 { flush() }
    }

    func writeError(_ text: String) {
        flush()
        FileHandle.standardError.write(Data(text.utf8))
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { p in
            var offset = 0
            while offset < p.count {
                let n = Foundation.write(1, p.baseAddress! + offset, p.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func readLine() -> String? {
        flush()
        return Swift.readLine(strippingNewline: true)
    }

    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return searchRoot.isEmpty ? path : "\(searchRoot)/\(path)"
    }

    func readSourceFile(_ path: String) -> String? {
        var isDir: ObjCBool = false
        let full = resolve(path)
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
              let data = FileManager.default.contents(atPath: full) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: resolve(path), isDirectory: &isDir) && isDir.boolValue
    }
}
