// the simulator's own version, recorded in submissions so a re-grade knows what produced them
export const SIMULATOR_VERSION = '0.1.0';
