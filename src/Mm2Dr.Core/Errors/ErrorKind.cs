namespace Mm2Dr.Core.Errors
{
    /// <summary>What sort of failure happened; the cmdlet layer maps it to a PowerShell ErrorCategory.</summary>
    public enum ErrorKind
    {
        InvalidArgument,
        NotFound,
        AlreadyExists,
        ConnectionFailed,
        Timeout,
        InvalidOperation,
        PermissionDenied,
        InvalidData,
        ResourceBusy,
        OperationFailed,
    }
}
