using Mm2Dr.Lab.Protocol;

namespace Mm2Dr.Lab.Groups
{
    internal sealed class SyncGroupResult
    {
        public SyncGroupResult(ErrorCode error, byte[] assignment)
        {
            Error = error;
            Assignment = assignment;
        }

        public ErrorCode Error { get; }

        public byte[] Assignment { get; }

        public static SyncGroupResult Failed(ErrorCode error) => new SyncGroupResult(error, new byte[0]);
    }
}
