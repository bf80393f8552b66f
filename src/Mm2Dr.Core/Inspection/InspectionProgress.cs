namespace Mm2Dr.Core.Inspection
{
    /// <summary>A step of an inspection and how far it has got; reported on the caller's thread.</summary>
    public readonly struct InspectionProgress
    {
        public InspectionProgress(string activity, string status, double? fraction)
        {
            Activity = activity;
            Status = status;
            Fraction = fraction;
        }

        /// <summary>The step, e.g. "Reading primary.checkpoints.internal on dr".</summary>
        public string Activity { get; }

        /// <summary>Where it stands, e.g. "120000 of 1000000 records".</summary>
        public string Status { get; }

        /// <summary>0 to 1, or null when the amount of work is unknown.</summary>
        public double? Fraction { get; }

        public override string ToString() => $"{Activity}: {Status}";
    }
}
