import Foundation

/// SDMX-CSV 2.0.0: one row per observation, the dataflow named in `STRUCTURE_ID`, a
/// withheld figure with an empty `OBS_VALUE` and `CONF_STATUS` C.
enum SDMXDataCSV {
    static let contentType = "application/vnd.sdmx.data+csv;version=2.0.0"
    static let structureID = "\(SDMXStructure.agency):\(SDMXStructure.dataflow)(\(SDMXStructure.version))"

    static func render(_ observations: [SDMXObservation]) -> Data {
        let header =
            ["STRUCTURE", "STRUCTURE_ID", "ACTION"] + SDMXKey.dimensions + [SDMXStructure.time.id, SDMXStructure.measure.id]
            + SDMXStructure.attributes.map(\.id)
        var csv = CSVWriter(header: header)
        for o in observations {
            csv.row(
                ["dataflow", structureID, "I"] + o.seriesKey + [String(o.year), CSVWriter.number(o.value)]
                    + [o.unit, o.confStatus, o.obsStatus, String(o.release), String(o.revised), String(o.countries)]
            )
        }
        return csv.data
    }
}
