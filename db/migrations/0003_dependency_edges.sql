-- Every parent → child edge of the data-centre graph in one place: the explicit ones plus those the
-- columns imply, so that no edge is stored twice and none can drift from the row it comes from.
CREATE VIEW dependency_edges AS
  SELECT parent_kind, parent_id, child_kind, child_id, redundancy_group, 'explicit'::text AS source FROM dependencies
  UNION ALL
  SELECT 'device'::node_kind, hypervisor_id, 'vm'::node_kind, id, NULL, 'vm.hypervisor' FROM vms WHERE status <> 'retired'
  UNION ALL
  SELECT 'storage_pool'::node_kind, storage_pool_id, 'vm'::node_kind, id, NULL, 'vm.storage_pool' FROM vms WHERE status <> 'retired'
  UNION ALL
  SELECT 'device'::node_kind, device_id, 'storage_pool'::node_kind, id, NULL, 'storage_pool.device' FROM storage_pools
  UNION ALL
  SELECT 'vm'::node_kind, vm_id, 'service'::node_kind, id, NULL, 'service.vm' FROM services WHERE retired_at IS NULL;
