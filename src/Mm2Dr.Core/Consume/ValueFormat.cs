namespace Mm2Dr.Core.Consume
{
    /// <summary>How a record's value is handed to the caller.</summary>
    public enum ValueFormat
    {
        /// <summary>UTF-8 text.</summary>
        Text,

        /// <summary>The raw bytes.</summary>
        Bytes,

        /// <summary>Parsed JSON (falls back to text, with a note, when a value is not JSON).</summary>
        Json,
    }
}
