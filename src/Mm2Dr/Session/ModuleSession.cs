using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Mm2Dr.Core.Completion;
using Mm2Dr.Core.Environment;
using Mm2Dr.Lab;

namespace Mm2Dr.Session
{
    /// <summary>
    /// The module's state for one runspace: the DR environment and the name cache. Keyed by runspace so that
    /// parallel runspaces in one process (tests, ForEach-Object -Parallel) do not share an environment.
    /// </summary>
    internal sealed class ModuleSession
    {
        private static readonly ConditionalWeakTable<Runspace, ModuleSession> Sessions = new ConditionalWeakTable<Runspace, ModuleSession>();
        private static readonly ModuleSession NoRunspace = new ModuleSession();
        private readonly object _gate = new object();
        private DrEnvironment? _environment;
        private DrLab? _drLab;
        private DrEnvironment? _beforeDrLab;

        public static ModuleSession Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace == null ? NoRunspace : Sessions.GetValue(runspace, _ => new ModuleSession());
            }
        }

        /// <summary>The environment set by Connect-DrEnvironment, or the compose stack's default.</summary>
        public DrEnvironment Environment
        {
            get
            {
                lock (_gate)
                {
                    return _environment ??= DrEnvironment.ComposeDefault();
                }
            }

            set
            {
                lock (_gate)
                {
                    _environment = value;
                }
            }
        }

        /// <summary>The DR lab this session started (Start-DrLab), or null.</summary>
        public DrLab? DrLab
        {
            get
            {
                lock (_gate)
                {
                    return _drLab;
                }
            }
        }

        /// <summary>Makes the lab the session's DR environment, remembering the one set before (if any) for <see cref="EndDrLab"/>.</summary>
        public void BeginDrLab(DrLab lab)
        {
            lock (_gate)
            {
                _beforeDrLab = _environment;
                _drLab = lab;
                _environment = lab.Environment;
            }
        }

        /// <summary>
        /// Forgets the lab; if the session still uses the lab's environment, the one set before Start-DrLab comes back
        /// (the default when there was none). Returns the environment in use afterwards.
        /// </summary>
        public DrEnvironment EndDrLab(DrLab lab)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_drLab, lab))
                {
                    _drLab = null;
                }

                if (_environment != null && ReferenceEquals(_environment.Site, lab.Site))
                {
                    _environment = _beforeDrLab;
                }

                _beforeDrLab = null;
                return _environment ??= DrEnvironment.ComposeDefault();
            }
        }

        public bool IsConnected
        {
            get
            {
                lock (_gate)
                {
                    return _environment != null;
                }
            }
        }

        public NameCache Names { get; } = new NameCache();

        public LabClusterRegistry LabClusters { get; } = new LabClusterRegistry();
    }
}
