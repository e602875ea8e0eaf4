import BoardEmulator
@testable import BoardSupervisor
@testable import FirmwareAPI
import Foundation
import PythonRuntime
import HostPlatform
import XCTest

/// Every way a symbolic link in a drive can point out of it (relative links
/// that climb, absolute links, chains, dangling links written through, links to
/// the project folder, directories swapped for links under a running board):
/// firmware can neither read, create, rename nor delete anything outside, and
/// links that stay inside keep working.
final class DriveLinkTests: XCTestCase {
    var tmp: URL!
    var project: URL!
    var drive: URL!
    var outside: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        tmp = fm.temporaryDirectory.appendingPathComponent("drive-links-\(UUID().uuidString)")
        project = tmp.appendingPathComponent("project")
        drive = project.appendingPathComponent("drive")
        outside = tmp.appendingPathComponent("outside")
        try fm.createDirectory(at: drive.appendingPathComponent("lib/sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: outside.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("print('escaped')\n".utf8).write(to: outside.appendingPathComponent("evil.py"))
        try Data("inside".utf8).write(to: drive.appendingPathComponent("lib/data.txt"))
        try Data("{}".utf8).write(to: project.appendingPathComponent("circuit.json"))
    }

    override func tearDownWithError() throws { try? fm.removeItem(at: tmp) }

    private func link(_ name: String, to target: String) throws {
        try fm.createSymbolicLink(atPath: drive.appendingPathComponent(name).path, withDestinationPath: target)
    }

    /// What lies outside the drive: every path below `tmp` except the drive's
    /// own, with the content of each file.
    private func outsideState() throws -> [String: String] {
        var state: [String: String] = [:]
        for base in [outside!, project!] {
            for name in try fm.subpathsOfDirectory(atPath: base.path) where !name.hasPrefix("drive") || base != project {
                let p = base.appendingPathComponent(name).path
                state[p] = (try? String(contentsOfFile: p, encoding: .utf8)) ?? "<dir>"
            }
        }
        return state
    }

    /// Links that lead out, each named for how it does.
    private func plantEscapes() throws {
        try link("rel", to: "../../outside")
        try link("abs", to: outside.path)
        try link("chainA", to: "chainB")
        try link("chainB", to: outside.path)
        try link("lib/sub/up", to: "../../../../outside")
        try link("viaSub", to: "lib/sub/up")
        try link("project", to: "..")
        try link("relFile", to: "../../outside/secret.txt")
        try link("absFile", to: outside.appendingPathComponent("secret.txt").path)
        try link("danglingRel", to: "../../outside/new.txt")
        try link("danglingAbs", to: outside.appendingPathComponent("new2.txt").path)
        try link("danglingChain", to: "danglingRel")
        try link("loopA", to: "loopB")
        try link("loopB", to: "loopA")
    }

    func testNoLinkLetsCodeReadOrChangeAnythingOutside() throws {
        try plantEscapes()
        let before = try outsideState()
        let d = Drive(directory: drive, capacityBytes: 1 << 20)
        let dirLinks = ["/rel", "/abs", "/chainA", "/lib/sub/up", "/viaSub", "/project"]
        let fileLinks = ["/relFile", "/absFile", "/danglingRel", "/danglingAbs", "/danglingChain", "/loopA"]
        func refused(_ what: String, _ op: () throws -> Void) {
            XCTAssertThrowsError(try op(), what) { error in
                let e = error as? FileSystemError
                XCTAssertTrue(e == .permission || e == .notFound || e?.errno == 40, "\(what): \(error)")
            }
        }
        for l in dirLinks {
            refused("read \(l)/secret.txt") { _ = try d.readFile(l + "/secret.txt") }
            refused("write \(l)/planted.txt") { try d.writeFile(l + "/planted.txt", [1], append: false) }
            refused("append \(l)/secret.txt") { try d.writeFile(l + "/secret.txt", [1], append: true) }
            refused("list \(l)") { _ = try d.listDirectory(l) }
            refused("stat \(l)/secret.txt") { _ = try d.status(l + "/secret.txt") }
            refused("mkdir \(l)/newdir") { try d.makeDirectory(l + "/newdir") }
            refused("rmdir \(l)/dir") { try d.removeDirectory(l + "/dir") }
            refused("remove \(l)/secret.txt") { try d.removeFile(l + "/secret.txt") }
            refused("rename out of \(l)") { try d.rename(l + "/secret.txt", "/stolen.txt") }
            refused("rename into \(l)") { try d.rename("/lib/data.txt", l + "/planted.txt") }
        }
        for l in fileLinks {
            refused("read \(l)") { _ = try d.readFile(l) }
            refused("write \(l)") { try d.writeFile(l, [1], append: false) }
            refused("append \(l)") { try d.writeFile(l, [1], append: true) }
            refused("stat \(l)") { _ = try d.status(l) }
        }
        XCTAssertEqual(try outsideState(), before)
        XCTAssertFalse(fm.fileExists(atPath: outside.appendingPathComponent("new.txt").path))
        XCTAssertFalse(fm.fileExists(atPath: outside.appendingPathComponent("new2.txt").path))
        XCTAssertFalse(fm.fileExists(atPath: drive.appendingPathComponent("stolen.txt").path))
        // The drive's size counts only its own files, not what links lead to.
        XCTAssertEqual(d.usedBytes, "inside".utf8.count)
    }

    func testRemovingOrRenamingALinkTouchesOnlyTheLink() throws {
        try plantEscapes()
        let d = Drive(directory: drive, capacityBytes: 1 << 20)
        let before = try outsideState()
        try d.removeFile("/relFile")
        try d.rename("/abs", "/renamed")
        XCTAssertEqual(try outsideState(), before)
        XCTAssertNil(try? fm.destinationOfSymbolicLink(atPath: drive.appendingPathComponent("relFile").path))
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: drive.appendingPathComponent("renamed").path), outside.path)
    }

    func testLinksThatStayInsideWork() throws {
        try link("lib2", to: "lib")
        try link("libAbs", to: drive.appendingPathComponent("lib").path)
        try link("alias.txt", to: "lib/sub/../data.txt")
        try link("lib/sub/back", to: "../data.txt")
        try link("later.txt", to: "lib/later.txt")
        let d = Drive(directory: drive, capacityBytes: 1 << 20)
        for p in ["/lib2/data.txt", "/libAbs/data.txt", "/alias.txt", "/lib/sub/back"] {
            XCTAssertEqual(try d.readFile(p), Array("inside".utf8), p)
        }
        XCTAssertEqual(try d.listDirectory("/lib2"), ["data.txt", "sub"])
        try d.writeFile("/alias.txt", Array("changed".utf8), append: false)
        try d.writeFile("/libAbs/data.txt", Array("!".utf8), append: true)
        XCTAssertEqual(try String(contentsOf: drive.appendingPathComponent("lib/data.txt"), encoding: .utf8), "changed!")
        // A dangling link that points inside is written through, creating its target.
        try d.writeFile("/later.txt", Array("new".utf8), append: false)
        XCTAssertEqual(try String(contentsOf: drive.appendingPathComponent("lib/later.txt"), encoding: .utf8), "new")
        try d.makeDirectory("/lib2/made")
        XCTAssertTrue(try d.status("/lib/made").isDirectory)
        XCTAssertEqual(try d.status("/lib2").isDirectory, true)
    }

    func testADirectorySwappedForALinkUnderARunningBoardIsRefused() throws {
        let d = Drive(directory: drive, capacityBytes: 1 << 20)
        XCTAssertEqual(try d.readFile("/lib/data.txt"), Array("inside".utf8))
        // The user (or anything else on the host) renames lib away and leaves a
        // link in its place while the board runs.
        try fm.moveItem(at: drive.appendingPathComponent("lib"), to: drive.appendingPathComponent("lib.old"))
        try link("lib", to: outside.path)
        let before = try outsideState()
        XCTAssertThrowsError(try d.readFile("/lib/secret.txt"))
        XCTAssertThrowsError(try d.writeFile("/lib/data.txt", [1], append: false))
        XCTAssertThrowsError(try d.removeFile("/lib/secret.txt"))
        XCTAssertEqual(try outsideState(), before)
        // The renamed folder is still reachable under its new name.
        XCTAssertEqual(try d.readFile("/lib.old/data.txt"), Array("inside".utf8))
    }

    func testPythonCodeSeesEACCESForALinkThatLeadsOut() throws {
        try plantEscapes()
        let d = Drive(directory: drive, capacityBytes: 1 << 20)
        let out = try runPython("""
            for p in ('/rel/secret.txt', '/relFile', '/danglingRel'):
                for mode in ('r', 'w', 'a'):
                    try:
                        open(p, mode)
                        print(p, mode, 'opened')
                    except OSError as e:
                        print(p, mode, e.errno)
            try:
                open('/loopA')
            except OSError as e:
                print('loop', e.errno)
            print(open('/lib/data.txt').read())
            """, fileSystem: d)
        XCTAssertEqual(out, """
            /rel/secret.txt r 13
            /rel/secret.txt w 13
            /rel/secret.txt a 13
            /relFile r 13
            /relFile w 13
            /relFile a 13
            /danglingRel r 13
            /danglingRel w 13
            /danglingRel a 13
            loop 40
            inside

            """)
    }

    func testAMainPyThatLinksOutIsNotRun() throws {
        try fm.removeItem(at: project.appendingPathComponent("circuit.json"))
        try ProjectTemplate.circuitJSON(board: "pico_w", flavour: .micropython)
            .write(to: project.appendingPathComponent("circuit.json"), atomically: true, encoding: .utf8)
        try link("main.py", to: "../../outside/evil.py")
        let sup = try Supervisor(project: project)
        _ = sup.runHeadless()
        XCTAssertFalse(sup.serialLog.contains("escaped"), sup.serialLog)
    }

    private func runPython(_ source: String, fileSystem: VirtualFileSystem) throws -> String {
        final class Host: RuntimeHost {
            let fileSystem: VirtualFileSystem?
            let clock: RuntimeClock = HostClock()
            var output = ""
            init(_ fs: VirtualFileSystem) { fileSystem = fs }
            func writeOutput(_ text: String) { output += text }
            func writeError(_ text: String) { output += text }
            func readLine() -> String? { nil }
        }
        let host = Host(fileSystem)
        let rt = Runtime(host: host)
        if let e = rt.runMain(source: source, filename: "<test>") { XCTFail("\(e)") }
        return host.output
    }
}
