using System;

namespace Mm2Dr.Core.Topics
{
    /// <summary>Kafka's topic-name rules (Topic.validate): 1-249 characters of [a-zA-Z0-9._-], not "." or "..".</summary>
    public static class TopicNames
    {
        public const int MaxLength = 249;

        public static string Validate(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A topic name must not be empty.", nameof(name));
            }

            if (name == "." || name == "..")
            {
                throw new ArgumentException($"'{name}' is not a valid topic name. Kafka reserves '.' and '..'.", nameof(name));
            }

            if (name.Length > MaxLength)
            {
                throw new ArgumentException($"Topic name '{name.Substring(0, 40)}…' is {name.Length} characters long. Expected at most {MaxLength}.", nameof(name));
            }

            foreach (var c in name)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
                if (!ok)
                {
                    throw new ArgumentException($"'{name}' is not a valid topic name: '{c}' is not allowed. Expected letters, digits, '.', '_' and '-'.", nameof(name));
                }
            }

            return name;
        }
    }
}
