using System.Linq;
using Mm2Dr.Core.Mm2;

namespace Mm2Dr.Core.Inspection
{
    /// <summary>The warning an operator gets when records of an internal topic were skipped as corrupt.</summary>
    public static class DecodeWarnings
    {
        /// <summary>Null when nothing was skipped; else the count and the first errors, each naming topic, partition and offset.</summary>
        public static string? Describe(string topic, string clusterAlias, DecodeReport report)
        {
            if (report == null || !report.HasCorruptRecords)
            {
                return null;
            }

            var first = string.Join(" ", report.FirstErrors.Select((e, i) => $"[{i + 1}] {e.Message}"));
            var shown = report.FirstErrors.Count < report.CorruptSkipped ? $"The first {report.FirstErrors.Count}: " : report.CorruptSkipped == 1 ? "It: " : "They: ";
            return $"Skipped {report.CorruptSkipped} corrupt record(s) of {report.RecordsSeen} in '{topic}' on cluster '{clusterAlias}'; results are computed without them. {shown}{first}";
        }
    }
}
