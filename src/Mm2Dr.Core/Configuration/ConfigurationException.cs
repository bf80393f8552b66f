using System;

namespace Mm2Dr.Core.Configuration
{
    /// <summary>A configuration file or value is wrong; names the file and line where there is one.</summary>
    public sealed class ConfigurationException : Exception
    {
        public ConfigurationException(string message, string? file = null, int line = 0, string? key = null, Exception? inner = null)
            : base(Compose(message, file, line), inner)
        {
            File = file;
            Line = line;
            Key = key;
        }

        public string? File { get; }

        public int Line { get; }

        public string? Key { get; }

        private static string Compose(string message, string? file, int line)
        {
            if (file == null)
            {
                return message;
            }

            return line > 0 ? $"{file}:{line}: {message}" : $"{file}: {message}";
        }
    }
}
