namespace Mm2Dr.Core.Consume
{
    /// <summary>Why a read ended.</summary>
    public enum ReadStopReason
    {
        /// <summary>Every partition reached the end captured when the read started.</summary>
        ReachedEnd,

        MaxMessages,

        /// <summary>No message arrived within the idle timeout.</summary>
        Idle,

        /// <summary>Stopped by the user (Ctrl+C) or the caller's token.</summary>
        Cancelled,
    }
}
