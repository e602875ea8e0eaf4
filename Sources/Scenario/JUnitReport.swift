/// `breadbox test --junit-file`: one `testcase` per scenario (classname the
/// project, time in wall seconds), a `failure` with the scenario's message.
public struct JUnitReport {
    public struct Case {
        public var project: String
        public var name: String
        public var seconds: Double
        /// Nil when it passed.
        public var failure: String?
        public init(project: String, name: String, seconds: Double, failure: String?) {
            self.project = project; self.name = name; self.seconds = seconds; self.failure = failure
        }
    }

    public var cases: [Case]
    public init(cases: [Case]) { self.cases = cases }

    public var xml: String {
        let failures = cases.filter { $0.failure != nil }.count
        let total = cases.reduce(0) { $0 + $1.seconds }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites tests=\"\(cases.count)\" failures=\"\(failures)\" time=\"\(Self.seconds(total))\">\n"
        out += "  <testsuite name=\"breadbox scenarios\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" time=\"\(Self.seconds(total))\">\n"
        for c in cases {
            let head = "    <testcase classname=\"\(Self.escape(c.project))\" name=\"\(Self.escape(c.name))\" time=\"\(Self.seconds(c.seconds))\""
            if let f = c.failure {
                out += head + ">\n      <failure message=\"\(Self.escape(f))\">\(Self.escape(f))</failure>\n    </testcase>\n"
            } else {
                out += head + "/>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// XML's five escapes, and control characters (serial text may hold them) as spaces: XML 1.0 allows none but tab and newline.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default: if u.value < 0x20 || u.value == 0x7F { out += " " } else { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}

import Foundation
