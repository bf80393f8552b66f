using System;
using System.Management.Automation;
using Mm2Dr.Core.Configuration;
using Mm2Dr.Core.Errors;

namespace Mm2Dr.Base
{
    /// <summary>Maps core failures to ErrorRecords: a stable id, a category, and what failed as the target.</summary>
    internal static class ErrorRecordFactory
    {
        public static ErrorRecord From(Mm2DrException ex) => new ErrorRecord(ex, ex.ErrorId, Category(ex.Kind), ex.Target);

        public static ErrorRecord From(ConfigurationException ex) => new ErrorRecord(ex, ErrorIds.ConfigurationInvalid, ErrorCategory.InvalidData, ex.File);

        public static ErrorRecord InvalidArgument(string message, object? target, Exception? inner = null)
            => new ErrorRecord(new ArgumentException(message, inner), ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target);

        public static ErrorCategory Category(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidArgument:
                    return ErrorCategory.InvalidArgument;
                case ErrorKind.NotFound:
                    return ErrorCategory.ObjectNotFound;
                case ErrorKind.AlreadyExists:
                    return ErrorCategory.ResourceExists;
                case ErrorKind.ConnectionFailed:
                    return ErrorCategory.ConnectionError;
                case ErrorKind.Timeout:
                    return ErrorCategory.OperationTimeout;
                case ErrorKind.InvalidOperation:
                    return ErrorCategory.InvalidOperation;
                case ErrorKind.PermissionDenied:
                    return ErrorCategory.PermissionDenied;
                case ErrorKind.InvalidData:
                    return ErrorCategory.InvalidData;
                case ErrorKind.ResourceBusy:
                    return ErrorCategory.ResourceBusy;
                default:
                    return ErrorCategory.NotSpecified;
            }
        }

        /// <summary>Failures that end the command: nothing further could succeed (no cluster, bad input, bad config).</summary>
        public static bool IsTerminating(Mm2DrException ex)
            => ex.Kind == ErrorKind.ConnectionFailed || ex.Kind == ErrorKind.Timeout || ex.Kind == ErrorKind.InvalidArgument
               || ex.Kind == ErrorKind.PermissionDenied || ex.Kind == ErrorKind.InvalidOperation;
    }
}
