import Foundation
import PythonRuntime

// `breadbox-fuzz`: the runtime under libFuzzer (built with -DFUZZING and
// -sanitize=fuzzer,address, see Scripts/fuzz), or, in an ordinary build, a plain
// runner that passes each file given (or each file in each folder given) once
// through the same harness: the test suite's smoke run, and how a crash file
// is reproduced without the sanitizer.


#if FUZZING
// libFuzzer's driver, called from here rather than from its own `main`
// (SwiftPM gives this file's code the name `main`, so libFuzzer's is not linked).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

let status = runOnLargeStack {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzHarness.run(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
        return 0
    }
}
exit(status)
#else
/// The inputs named on the command line: files as given, folders' files (recursively) sorted.
func inputFiles(_ arguments: [String]) -> [String]? {
    var files: [String] = []
    for argument in arguments {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
            FileHandle.standardError.write(Data("breadbox-fuzz: no such file or folder: \(argument)\n".utf8))
            return nil
        }
        if !isDirectory.boolValue {
            files.append(argument)
            continue
        }
        let found = (FileManager.default.enumerator(atPath: argument)?.allObjects as? [String] ?? []).sorted()
        for relative in found {
            let path = (argument as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                files.append(path)
            }
        }
    }
    return files
}

var arguments = Array(CommandLine.arguments.dropFirst())
let verbose = arguments.first == "-v"
if verbose { arguments.removeFirst() }
guard !arguments.isEmpty, !arguments.contains(where: { $0 == "-h" || $0 == "--help" }) else {
    print("usage: breadbox-fuzz [-v] FILE|FOLDER...\n"
        + "Runs each input once through the fuzz harness (this build has no libFuzzer;\n"
        + "Scripts/fuzz builds the one that has). Exits 0 unless an input kills the process.\n"
        + "-v prints how each run ended (ok, or the uncaught exception).")
    exit(arguments.isEmpty ? 2 : 0)
}
guard let files = inputFiles(arguments) else { exit(2) }
let status = runOnLargeStack {
    for file in files {
        // Named before it runs, so the last name printed is the input that killed the run.
        print("breadbox-fuzz: \(file)")
        fflush(stdout)
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("breadbox-fuzz: can't read \(file)\n".utf8))
            return 2
        }
        let outcome = data.withUnsafeBytes { FuzzHarness.run($0.bindMemory(to: UInt8.self), describe: verbose) }
        if let outcome { print("  -> \(outcome)") }
    }
    print("breadbox-fuzz: ran \(files.count) inputs")
    return 0
}
exit(status)
#endif
