using System.Collections.Generic;
using Mm2Dr.Session;

namespace Mm2Dr.Completion
{
    public sealed class GroupNameCompleter : CachedNameCompleter
    {
        private protected override IReadOnlyList<string> Names(ModuleSession session, string? bootstrap, string prefix) => session.Names.Groups(bootstrap, prefix);
    }
}
