/// The SDMX artefacts of the published statistics: the dataflow `ALLIANCE:STATS(1.0.0)`,
/// its data structure `DSD_STATS`, the concepts and the codelists (docs/open-data.md).
enum SDMXStructure {
    static let agency = "ALLIANCE"
    static let dataflow = "STATS"
    static let dataStructure = "DSD_STATS"
    static let conceptScheme = "CS_STATS"
    static let version = "1.0.0"

    struct Codelist: Sendable {
        var id: String
        var name: String
        var codes: [(id: String, name: String)]
    }

    struct Component: Sendable {
        var id: String
        var name: String
        /// The codelist of a coded component; nil for free text or numbers.
        var codelist: String?
        var dataType: String?
        /// Attributes: whether every observation carries it.
        var mandatory = false
    }

    /// Dimensions in key order, then the time dimension.
    static let dimensions = [
        Component(id: "INDICATOR", name: "Indicator", codelist: "CL_INDICATOR"),
        Component(id: "REF_AREA", name: "Reference area", codelist: "CL_REF_AREA"),
        Component(id: "STATISTIC", name: "Statistic", codelist: "CL_STATISTIC"),
    ]
    static let time = Component(id: "TIME_PERIOD", name: "Reporting year", dataType: "ObservationalTimePeriod")
    static let measure = Component(id: "OBS_VALUE", name: "Value", dataType: "Double")
    /// Attributes, all attached to the observation, in the order the data messages give them.
    static let attributes = [
        Component(id: "UNIT_MEASURE", name: "Unit of measure", dataType: "String", mandatory: true),
        Component(id: "CONF_STATUS", name: "Confidentiality status", codelist: "CL_CONF_STATUS", mandatory: true),
        Component(id: "OBS_STATUS", name: "Observation status", codelist: "CL_OBS_STATUS"),
        Component(id: "RELEASE", name: "Release number", dataType: "Integer"),
        Component(id: "REVISED", name: "A revision: a release after the first of its year", dataType: "Boolean"),
        Component(id: "NUM_COUNTRIES", name: "Number of countries the figure comes from", dataType: "Integer"),
    ]

    static func codelists(indicators: [Indicator]) -> [Codelist] {
        [
            Codelist(id: "CL_INDICATOR", name: "Indicators of the catalogue", codes: indicators.map { ($0.code, $0.name) }),
            Codelist(id: "CL_REF_AREA", name: "Reference areas", codes: [(SDMXObservation.area, "The Alliance as a whole")]),
            Codelist(id: "CL_STATISTIC", name: "Statistics", codes: SDMXStatistic.allCases.map { ($0.rawValue, $0.name) }),
            Codelist(
                id: "CL_CONF_STATUS",
                name: "Confidentiality status",
                codes: [("F", "Free"), ("C", "Confidential: withheld by disclosure control")]
            ),
            Codelist(id: "CL_OBS_STATUS", name: "Observation status", codes: [("A", "Normal value"), ("M", "Missing value: withheld")]),
        ]
    }

    static func urn(_ kind: String, _ id: String) -> String {
        "urn:sdmx:org.sdmx.infomodel.\(kind)=\(agency):\(id)(\(version))"
    }

    static func conceptURN(_ id: String) -> String {
        urn("conceptscheme.Concept", conceptScheme) + "." + id
    }
}
