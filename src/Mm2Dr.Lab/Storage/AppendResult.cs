using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Storage
{
    internal readonly struct AppendResult
    {
        public AppendResult(ErrorCode error, long baseOffset, long logAppendTime)
        {
            Error = error;
            BaseOffset = baseOffset;
            LogAppendTime = logAppendTime;
        }

        public ErrorCode Error { get; }

        public long BaseOffset { get; }

        /// <summary>-1 for CreateTime topics: any other value makes librdkafka relabel every message (lrd216 msg.c:1006-1009).</summary>
        public long LogAppendTime { get; }

        public static AppendResult Failed(ErrorCode error) => new AppendResult(error, -1, -1);
    }
}
