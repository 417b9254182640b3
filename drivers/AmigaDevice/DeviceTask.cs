// A task of a device (a unit task, a driver's event task) and the handshake that starts and stops it:
// the starter waits until the task is running (or has given up), the stopper until it has ended.
using AmigaOS;

namespace AmigaDevice;

/// <summary>A device task and the state of its start/stop handshake.</summary>
public unsafe struct DeviceTask
{
    /// <summary>The running task (set by the task in <see cref="DeviceTasks.Ready"/>), null before and after.</summary>
    public Task* Task;
    /// <summary>The task that starts or stops it and the signal it waits for meanwhile.</summary>
    public Task* Waiter;
    public uint WaiterMask;
    /// <summary>Set by <see cref="DeviceTasks.Stop"/>: the task finishes its work and calls <see cref="DeviceTasks.Exit"/>.</summary>
    public bool Stopping;
}

public static unsafe class DeviceTasks
{
    /// <summary>
    /// Creates a task named <paramref name="name"/> (exec CreateTaskTags, AT_Param1 = <paramref name="param"/>)
    /// running <paramref name="entry"/>, and waits until it calls <see cref="Ready"/> (true) or <see cref="Abandon"/>
    /// (false); false also when no signal or task can be had.
    /// </summary>
    public static bool Start(DeviceTask* t, string name, int priority, uint stackSize, void* entry, void* param)
    {
        sbyte ready = Exec.AllocSignal(-1);
        if (ready < 0)
            return false;
        t->Waiter = Exec.FindTask(null);
        t->WaiterMask = 1u << ready;
        t->Stopping = false;
        t->Task = null;
        Task* created = Exec.CreateTaskTags(name, priority, entry, stackSize, Exec.AT_Param1, (uint)param, Exec.TAG_DONE);
        if (created != null)
            Exec.Wait(t->WaiterMask);
        Exec.FreeSignal(ready);
        t->Waiter = null;
        return created != null && t->Task != null;
    }

    /// <summary>From the new task once it is set up: it runs, and its starter goes on.</summary>
    public static void Ready(DeviceTask* t)
    {
        t->Task = Exec.FindTask(null);
        Exec.Signal(t->Waiter, t->WaiterMask);
    }

    /// <summary>From the new task when its setup failed (it then returns): its starter goes on and <see cref="Start"/> is false.</summary>
    public static void Abandon(DeviceTask* t) => Exec.Signal(t->Waiter, t->WaiterMask);

    /// <summary>Asks a running task to end (<see cref="DeviceTask.Stopping"/>, CTRL-C) and waits until it has.</summary>
    public static void Stop(DeviceTask* t)
    {
        if (t->Task == null)
            return;
        sbyte done = Exec.AllocSignal(-1);
        t->Waiter = Exec.FindTask(null);
        t->WaiterMask = done >= 0 ? 1u << done : Exec.SIGBREAKF_CTRL_C;
        t->Stopping = true;
        Exec.Signal(t->Task, Exec.SIGBREAKF_CTRL_C);
        Exec.Wait(t->WaiterMask);
        if (done >= 0)
            Exec.FreeSignal(done);
        t->Waiter = null;
    }

    /// <summary>
    /// The task ends: Forbid, then its stopper may go on. Forbid holds until the task has returned, so nothing else
    /// runs while it releases what it still holds (its port, signals), and the caller of the last close (and an
    /// Expunge after it) cannot unload this code while it still runs. The task must return without waiting.
    /// </summary>
    public static void Exit(DeviceTask* t)
    {
        ExecTasking.Forbid();
        t->Task = null;
        Exec.Signal(t->Waiter, t->WaiterMask);
    }
}
