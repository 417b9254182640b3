/* The program the harness runs once the machine is set up (the sources under guest/). */
#ifndef HARNESS_GUEST_H
#define HARNESS_GUEST_H
void guest_main(void);
#endif
