// Public face of lib/cluster: the multi-instance coordinator for the snapshot cache.
export { createClusterCoordinator, type ClusterCoordinator, type ClusterCoordinatorOptions, type ClusterStats } from '@/lib/cluster/coordinator';
export { newInstanceId } from '@/lib/cluster/instance-id';
