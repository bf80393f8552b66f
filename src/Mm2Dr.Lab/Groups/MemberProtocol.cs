namespace Mm2Dr.Lab.Groups
{
    /// <summary>One assignor a member offers in JoinGroup, with its opaque subscription metadata.</summary>
    internal sealed class MemberProtocol
    {
        public MemberProtocol(string name, byte[] metadata)
        {
            Name = name;
            Metadata = metadata;
        }

        public string Name { get; }

        public byte[] Metadata { get; }
    }
}
