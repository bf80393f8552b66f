using System.Linq;

namespace Mm2Dr.Lab.Storage
{
    /// <summary>Kafka's topic name rule: 1-249 of [a-zA-Z0-9._-], not "." or ".." (k39 clients/.../internals/Topic.java validate).</summary>
    internal static class TopicNames
    {
        private const int MaxLength = 249;

        public static string? Validate(string name)
        {
            if (name.Length == 0)
            {
                return "Topic name is illegal, it can't be empty";
            }

            if (name == "." || name == "..")
            {
                return "Topic name cannot be \".\" or \"..\"";
            }

            if (name.Length > MaxLength)
            {
                return $"Topic name is illegal, it can't be longer than {MaxLength} characters, topic name: {name}";
            }

            if (!name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            {
                return $"Topic name \"{name}\" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'";
            }

            return null;
        }
    }
}
